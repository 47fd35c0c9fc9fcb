import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './app/App.vue';
import { createAppRouter } from './app/router';
import './app/theme.css';
import { i18n } from './i18n/i18n';
import { adoptScreenLink } from './screen/adoptScreenLink';

const app = createApp(App);
// One panel failing to render must not blank the wall: log with context, keep the rest running.
app.config.errorHandler = (err, instance, info) => {
  console.error(`[wall] ${info} in ${instance?.$options.name ?? instance?.$options.__name ?? 'component'}`, err);
};
document.documentElement.lang = i18n.global.locale.value;
// A wall opened with its screen link signs in before anything asks the server for data.
await adoptScreenLink();
app.use(createPinia()).use(i18n).use(createAppRouter()).mount('#app');

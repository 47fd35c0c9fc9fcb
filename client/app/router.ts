import { createRouter, createWebHistory } from 'vue-router';
import type { RouteRecordRaw } from 'vue-router';

/**
 * One route per screen, each a folder beside wall/ and loaded on demand, so a console never
 * downloads the wall's map and the other way round: '/console' (duty officer, console/),
 * '/tablet' (leader, tablet/), '/login' (auth/). The server answers those paths with index.html.
 */
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'wall', component: () => import('../wall/WallPage.vue') },
  { path: '/console', name: 'console', component: () => import('../console/ConsolePage.vue') },
  { path: '/tablet', name: 'tablet', component: () => import('../tablet/TabletPage.vue') },
  { path: '/login', name: 'login', component: () => import('../auth/LoginPage.vue') },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

export function createAppRouter() {
  return createRouter({ history: createWebHistory(), routes });
}

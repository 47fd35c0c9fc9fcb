import { createRouter, createWebHistory } from 'vue-router';
import type { RouteRecordRaw } from 'vue-router';

/**
 * One route per screen, each a folder beside wall/ and loaded on demand, so a console never
 * downloads the wall's map and the other way round. To come: '/console' (duty officer, console/)
 * and '/tablet' (leader, tablet/). The server must answer those paths with index.html.
 */
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'wall', component: () => import('../wall/WallPage.vue') },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

export function createAppRouter() {
  return createRouter({ history: createWebHistory(), routes });
}

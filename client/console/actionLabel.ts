import { ACTIONS, type Action } from '../../shared/events/eventLifecycle';

/** A lifecycle action's name (受理, 派遣, … / Accept, Dispatch, …); a code it does not know, raw. */
export function actionLabel(action: string, locale: string): string {
  const a = (ACTIONS as Record<string, { zh: string; en: string } | undefined>)[action];
  if (!a) return action;
  return locale.startsWith('zh') ? a.zh : a.en;
}

export type { Action };

import { useI18n } from 'vue-i18n';
import type { Alert } from '../../shared/alerts/alert';
import { domainLabel } from '../i18n/domainLabels';
import { alertText } from './alertText';

/**
 * alertText in the page's language, for a component's computed values (it reads the locale, so
 * they follow a language switch). `spikeMessage` is the i18n key that words a spike for this page.
 */
export function useAlertText(spikeMessage: string): (a: Alert) => string {
  const { t, locale } = useI18n();
  return (a) =>
    alertText(a, locale.value, {
      category: (c) => domainLabel.category(c, locale.value),
      spike: (count, usual) => t(spikeMessage, { count, usual }),
    });
}

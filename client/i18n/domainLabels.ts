import type { Category, Severity, Source } from '../../shared/events/categories';
import { CATEGORIES, SEVERITY_LABELS, SOURCES } from '../../shared/events/categories';
import type { EventStatus } from '../../shared/events/status';
import { STATUS_LABELS } from '../../shared/events/status';

type Bilingual = { zh: string; en: string };

const categories = new Map<string, Bilingual>(CATEGORIES.map((c) => [c.code, c]));
const sources = new Map<string, Bilingual>(SOURCES.map((s) => [s.code, s]));

function pick(label: Bilingual | undefined, code: string, locale: string): string {
  if (!label) return code; // a code newer than this screen: show it raw rather than nothing
  return locale.startsWith('zh') ? label.zh : label.en;
}

/** Display names of the shared domain codes, in the given locale ('zh-CN' or 'en'). */
export const domainLabel = {
  category: (code: Category, locale: string) => pick(categories.get(code), code, locale),
  source: (code: Source, locale: string) => pick(sources.get(code), code, locale),
  status: (code: EventStatus, locale: string) => pick(STATUS_LABELS[code], code, locale),
  severity: (code: Severity, locale: string) => pick(SEVERITY_LABELS[code], code, locale),
};

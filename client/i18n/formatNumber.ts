const cache = new Map<string, Intl.NumberFormat>();

function nf(locale: string, decimals: number): Intl.NumberFormat {
  const k = `${locale}|${decimals}`;
  let f = cache.get(k);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    cache.set(k, f);
  }
  return f;
}

/** A count or amount per locale (12,345); '—' when not known. */
export function formatNumber(n: number | null | undefined, locale: string, decimals = 0): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : nf(locale, decimals).format(n);
}

/** A share 0–1 as a percentage per locale with one decimal (93.7%); '—' when not known. */
export function formatPercent(share: number | null | undefined, locale: string): string {
  return share === null || share === undefined || !Number.isFinite(share) ? '—' : `${nf(locale, 1).format(share * 100)}%`;
}

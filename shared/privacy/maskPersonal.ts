import type { GridEvent, Reporter } from '../events/gridEvent';

/** 张三 → 张*, 欧阳娜娜 → 欧***: the surname's first character stays so a duty log still reads. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}

/** 13812345678 → 138****5678; shorter numbers keep their last two digits. */
export function maskPhone(phone: string): string {
  let digits = phone.replace(/\D/g, '');
  if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2); // +86 country code
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return digits.length <= 2 ? '**' : '*'.repeat(digits.length - 2) + digits.slice(-2);
}

export function maskReporter(r: Reporter | null): Reporter | null {
  return r && { name: r.name === null ? null : maskName(r.name), phone: r.phone === null ? null : maskPhone(r.phone) };
}

/** The event as a wall screen or a role without need for personal data may see it. */
export function maskEvent(e: GridEvent): GridEvent {
  return e.reporter === null ? e : { ...e, reporter: maskReporter(e.reporter) };
}

import { onScopeDispose } from 'vue';

/**
 * Puts a class on <html> while the calling page is open. The wall sizes everything from the
 * root font size (a 1920×1080 stage, theme.css); a desk or a tablet wants readable, touchable
 * sizes instead, so pages.css gives html.<class> its own root size. CSS of a lazily loaded page
 * stays in the document after leaving it, which is why every rule there hangs off the class.
 */
export function usePageClass(name: string): void {
  const root = document.documentElement;
  root.classList.add(name);
  onScopeDispose(() => root.classList.remove(name));
}

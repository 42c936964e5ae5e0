/**
 * The few browser members the e2e checks use inside the page (`page.evaluate`, init scripts). The e2e files are
 * type-checked without DOM types, like the rest of the Node side; this is the page as those functions see it.
 */
export interface PageBox {
  top: number;
  bottom: number;
  left: number;
  right: number;
  height: number;
}

export interface PageElement {
  textContent: string | null;
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  getBoundingClientRect(): PageBox;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
}

export interface PageScope {
  document: {
    documentElement: PageElement;
    body: PageElement;
    activeElement: PageElement | null;
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): Iterable<PageElement>;
  };
  innerWidth: number;
  innerHeight: number;
  getComputedStyle(element: PageElement): { fontSize: string; outlineStyle: string };
}

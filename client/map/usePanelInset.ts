import { useEffect, useState, type RefObject } from 'react';

/**
 * How much of the map a side panel covers from below: on a phone the panel is a sheet laid over the
 * lower part of the map (position: absolute), so the camera should centre on what stays visible;
 * on a wide screen the panel sits beside the map and covers nothing (0).
 */
export function usePanelInset(layout: RefObject<HTMLElement | null>): number {
  const [inset, setInset] = useState(0);
  useEffect(() => {
    const root = layout.current;
    if (!root) return;
    let observed: Element | null = null;
    const measure = () => {
      const panel = root.querySelector(':scope > .panel');
      if (panel !== observed) {
        if (observed) sizes.unobserve(observed);
        if (panel) sizes.observe(panel);
        observed = panel;
      }
      const overlaid = panel instanceof HTMLElement && getComputedStyle(panel).position === 'absolute';
      setInset(overlaid ? Math.round(panel.getBoundingClientRect().height) : 0);
    };
    const sizes = new ResizeObserver(measure);
    const children = new MutationObserver(measure);
    sizes.observe(root);
    children.observe(root, { childList: true });
    measure();
    return () => {
      sizes.disconnect();
      children.disconnect();
    };
  }, [layout]);
  return inset;
}

import { useEffect, useRef } from "react";
import { useLocation } from "wouter";

/**
 * After a client-side page change, moves focus to the main region so keyboard and screen-reader
 * users start at the new page's content (a full page load would do this by itself).
 */
export function useFocusOnNavigate(): void {
  const [location] = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById("main")?.focus({ preventScroll: false });
    window.scrollTo(0, 0);
  }, [location]);
}

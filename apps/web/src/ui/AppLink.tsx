import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { inAppPath, navigate } from '../router';

/**
 * A link that stays in the app for pages on this site (join links are absolute) and is an ordinary
 * link for everything else, and for a click meant to open a new tab.
 */
export function AppLink({
  href,
  onClick,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const path = inAppPath(href, window.location.origin);
    if (path === null) return;
    event.preventDefault();
    navigate(path);
  };
  return <a href={href} onClick={follow} {...rest} />;
}

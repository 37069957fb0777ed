/**
 * Whether a link shows its lock, as a user sees it: the lock of a working name is the link's
 * background (static/src/components/https_link/https_link.css). Self-contained, so Playwright
 * can run it in a page (`locator.evaluate(showsLock)`).
 */
export function showsLock(link) {
    return getComputedStyle(link).backgroundImage.startsWith('url("data:image/svg+xml');
}

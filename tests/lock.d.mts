/** Whether a link shows its lock, as a user sees it (see lock.mjs). */
export function showsLock(link: Element): boolean;

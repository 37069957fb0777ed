export function pollUntil(condition: () => boolean, what: string, options: { pause: () => Promise<void>; tries?: number }): Promise<void>;

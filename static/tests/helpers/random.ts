/** A seeded generator (mulberry32), so property tests are the same on every run. */
export function seeded(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const PIECES = [
    "192-168-1-10", ".d73e7513", ".odoo-iot.com", "odoo-iot.com", "ODOO-IOT", ".", "-", "..", "256",
    "010", "0", "1", "javascript:", "https://", "http://", "//", "@", "evil.com", " ", "\t", "\n", "%2e",
    "\u0000", "<script>alert(1)</script>", "\"", "'", ":", "443", "::1", "[fe80::1]", "é", "\u202e",
    "xn--", "a".repeat(64), "#", "?", "/", "\\", "192.168.1.10", "data:", "ERR_IOT_HTTPS_", "{", "}",
];

/** Strings built from pieces that are dangerous in URLs, HTML and the box's own formats. */
export function hostileString(random: () => number): string {
    const count = 1 + Math.floor(random() * 6);
    let text = "";
    for (let i = 0; i < count; i++) {
        text += random() < 0.8
            ? PIECES[Math.floor(random() * PIECES.length)]
            : String.fromCharCode(Math.floor(random() * 0x3000));
    }
    return text;
}

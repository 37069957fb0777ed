/**
 * A QR code drawn in the page, as one SVG path: the link's secret never leaves this browser to
 * be turned into an image.
 */
import { encode } from "uqr";

/** Where the script puts `{ qrDrawing }` once loaded. */
export const QR_GLOBAL = "iotHttpsCertificateQr";
/** The script as Odoo serves it, and the demo too. */
export const QR_SCRIPT = "/iot_https_certificate/static/lib/qr/qr.js";

export interface QrDrawing {
    /** Modules per side, quiet zone included. */
    size: number;
    /** One `M x y h1 v1 h-1 z` square per dark module. */
    path: string;
}

export function qrDrawing(text: string): QrDrawing {
    // M: a printed or photographed code still reads with some damage; the link fits easily.
    const { data, size } = encode(text, { ecc: "M", border: 4 });
    let path = "";
    for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) if (data[y][x]) path += `M${x} ${y}h1v1h-1z`;
    }
    return { size, path };
}

/**
 * Entry of the QR script (`static/lib/qr/qr.js`): the web client loads it only when someone
 * asks for a device-check link, so the QR encoder costs the backend bundle nothing.
 */
import { qrDrawing, QR_GLOBAL } from "./qr";

(window as unknown as Record<string, unknown>)[QR_GLOBAL] = { qrDrawing };

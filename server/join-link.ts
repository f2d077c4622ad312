import "server-only";
import QRCode from "qrcode";
import { publicOrigin } from "./public-origin";

/** A workshop's join link for the room: its address, the QR code for it (SVG), and whether phones can reach it. */
export async function joinLink(joinCode: string): Promise<{ url: string; qr: string; localOnly: boolean }> {
  const { origin, localOnly } = await publicOrigin();
  const url = `${origin}/join?code=${joinCode}`;
  return { url, qr: await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" }), localOnly };
}

export const LOCAL_ONLY =
  "This address opens on this computer only: phones in the room cannot reach it. Start Stave with BETTER_AUTH_URL set to an address they can reach.";

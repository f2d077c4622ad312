import { describe, expect, it } from "vitest";
import { checkLogo, logoTypeOf, MAX_LOGO_BYTES } from "./logo";

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const webp = new TextEncoder().encode("RIFF\u0010\u0000\u0000\u0000WEBPVP8 ");
const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

describe("a logo's file", () => {
  it("is recognised by its bytes", () => {
    expect(logoTypeOf(png)).toBe("image/png");
    expect(logoTypeOf(jpeg)).toBe("image/jpeg");
    expect(logoTypeOf(webp)).toBe("image/webp");
    expect(logoTypeOf(svg)).toBeUndefined();
    expect(logoTypeOf(new TextEncoder().encode("RIFF\u0010\u0000\u0000\u0000WAVE"))).toBeUndefined();
  });

  it("is taken when a small raster image, refused with a reason otherwise", () => {
    expect(checkLogo(png)).toEqual({ ok: true, contentType: "image/png" });
    expect(checkLogo(new Uint8Array())).toEqual({ ok: false, message: "Choose an image file for the logo." });
    expect(checkLogo(svg)).toMatchObject({ ok: false, message: expect.stringMatching(/not a PNG, JPEG or WebP image.*SVG is not taken/) });
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(png);
    expect(checkLogo(big)).toEqual({ ok: false, message: "This file is 201 KB; a logo may be at most 200 KB. Save it smaller and try again." });
    const limit = new Uint8Array(MAX_LOGO_BYTES);
    limit.set(jpeg);
    expect(checkLogo(limit)).toEqual({ ok: true, contentType: "image/jpeg" });
  });
});

import { stringify } from "yaml";
import { requirePermission } from "@/db/queries/access";
import { ARCHIVE_LIMITS, readArchive } from "@/lib/archive";
import { AppError } from "@/lib/errors";
import { importSamm } from "@/lib/model/samm";
import { importSammSchema } from "@/lib/validation/models";
import { readBody } from "@/server/json-body";
import { problemResponse } from "@/server/problem";
import { route } from "@/server/route";

const TOO_LARGE = `The archive can be at most ${ARCHIVE_LIMITS.bytes / 1_000_000} MB.`;

/**
 * Turns an OWASP SAMM v2 core archive (ZIP or .tar.gz of the owaspsamm/core tree) into a model's
 * YAML, for the admin to check, preview and publish like any other model. Nothing is stored here.
 */
export const POST = route("member", async (request, { ctx }) => {
  requirePermission(ctx, "models.publish");
  // Read no further than the archive's limit and the form around it, declared or not; then the file's own size.
  const body = await readBody(request, ARCHIVE_LIMITS.bytes + 64_000, () => new AppError("payload_too_large", TOO_LARGE));
  const form = await new Response(new Uint8Array(body), { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData().catch(() => {
    throw new AppError("invalid_input", "Send the archive as a file upload (multipart form data).");
  });
  const archive = form.get("archive");
  if (!(archive instanceof File) || archive.size === 0) throw new AppError("invalid_input", "Choose the SAMM archive (.zip or .tar.gz).");
  if (archive.size > ARCHIVE_LIMITS.bytes) throw new AppError("payload_too_large", TOO_LARGE);
  const field = (name: string) => form.get(name) ?? undefined;
  const options = importSammSchema.safeParse({ areas: field("areas"), id: field("id"), version: field("version"), name: field("name") });
  if (!options.success) throw new AppError("invalid_input", options.error.issues[0]!.message);

  const unpacked = readArchive(new Uint8Array(await archive.arrayBuffer()), (path) => /\.ya?ml$/i.test(path));
  if (!unpacked.ok) throw new AppError("invalid_input", unpacked.error);
  const imported = importSamm(unpacked.files, options.data);
  if (!imported.ok) {
    const count = `${imported.problems.length} problem${imported.problems.length === 1 ? "" : "s"}`;
    return problemResponse(new AppError("incomplete", `The SAMM files have ${count}: nothing was imported.`), { extensions: { problems: imported.problems } });
  }
  // Every string quoted, so a SAMM answer such as No stays text in any YAML reader.
  const yaml = stringify(imported.model, { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN", lineWidth: 0 });
  return Response.json({ yaml, questions: imported.questions });
});

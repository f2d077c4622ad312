// `npm run models:check`: validates every maturity model file and names what is wrong, where.
import { checkModelFiles } from "@/content/load-models";
import { env } from "@/lib/env";
import { formatProblem } from "@/lib/model/parse";

const dir = process.argv[2] ?? env().STAVE_MODELS_DIR;
const checks = checkModelFiles(dir);
let broken = 0;
for (const check of checks) {
  if (check.problems.length === 0 && check.model) {
    const questions = check.model.areas.reduce((n, a) => n + a.questions.length, 0);
    console.log(`ok    ${check.file}: ${check.model.name} ${check.model.version}, ${check.model.areas.length} areas, ${questions} questions`);
  } else {
    broken++;
    console.log(`error ${check.file}`);
    for (const problem of check.problems) console.log(`      ${formatProblem(problem)}`);
  }
}
if (checks.length === 0) {
  console.log(`No model files (*.yaml) in ${dir}.`);
  process.exit(1);
}
process.exit(broken > 0 ? 1 : 0);

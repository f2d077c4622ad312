// Small pieces of English the pages put into sentences. Formatters are built once (building one
// costs far more than using it).

const and = new Intl.ListFormat("en-GB", { type: "conjunction" });
const or = new Intl.ListFormat("en-GB", { type: "disjunction" });

/** "Payments", "Payments and Search", "Billing, Payments and Search". */
export const andList = (items: readonly string[]) => and.format(items);

/** "Ana", "Ana or Bo", "Ana, Bo or Cy". */
export const orList = (items: readonly string[]) => or.format(items);

/** "a member", "an admin", "an owner": the word with its indefinite article, lower case. */
export function withArticle(word: string): string {
  const lower = word.toLowerCase();
  return `${/^[aeiou]/.test(lower) ? "an" : "a"} ${lower}`;
}

/** "1 answer", "3 answers"; "1 question still needs", "2 questions still need" with the plural given. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

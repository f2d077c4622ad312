import { card } from "./ui/styles";

/** The narrow, centred frame of the sign-in, sign-up and first-organisation pages. */
export function AuthCard({ title, intro, children }: { title: string; intro?: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-md space-y-5">
      <div>
        <h1 className="text-2xl font-bold text-wood-900">{title}</h1>
        {intro && <div className="mt-2 text-stone-700">{intro}</div>}
      </div>
      <div className={card}>{children}</div>
    </div>
  );
}

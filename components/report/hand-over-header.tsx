import { formatDate } from "@/lib/format";

type Props = {
  organisationName: string;
  logoHref: string | null;
  person: { role: string; name: string };
  /** The day the report is prepared (today, unless a test says otherwise). */
  on?: Date;
};

/** The head of a report handed to a client: whose it is (name and logo), who stands behind it, and when. */
export function HandOverHeader({ organisationName, logoHref, person, on = new Date() }: Props) {
  return (
    <header className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 border-b-2 border-wood-700 pb-3" data-testid="hand-over">
      <div className="flex min-w-0 items-center gap-3">
        {logoHref && <img src={logoHref} alt={`Logo of ${organisationName}`} className="max-h-12 max-w-40 object-contain" />}
        <p className="text-xl font-bold text-stone-900">{organisationName}</p>
      </div>
      <p className="text-sm text-stone-700">
        {person.role} <span className="font-semibold text-stone-900">{person.name}</span> · <span className="whitespace-nowrap">{formatDate(on)}</span>
      </p>
    </header>
  );
}

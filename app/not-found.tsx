import { IntentLink } from "@/components/ui/intent-link";
import { button } from "@/components/ui/styles";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg space-y-4 py-12 text-center">
      <h1 className="text-2xl font-bold text-wood-900">Not found</h1>
      <p className="text-stone-700">There is nothing here: the link may be mistyped, or the team or assessment may not exist.</p>
      <IntentLink href="/teams" className={button.primary}>
        Go to your teams
      </IntentLink>
    </div>
  );
}

import { IntentLink } from "./intent-link";
import { button } from "./styles";

/**
 * Under a paged list: which items this page shows ("Teams 51–100 of 500") and the links to the
 * pages before and after. `href(page)` is a page's link.
 */
export function Pager({
  label,
  noun,
  page,
  pageSize,
  shown,
  total,
  href,
}: {
  label: string;
  noun: string;
  page: number;
  pageSize: number;
  shown: number;
  total: number;
  href: (page: number) => string;
}) {
  const first = (page - 1) * pageSize;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-2 text-sm text-stone-700">
      <span>
        {noun} {shown === 0 ? 0 : first + 1}–{first + shown} of {total}
      </span>
      {pages > 1 && (
        <span className="flex gap-2">
          {page > 1 && (
            <IntentLink href={href(page - 1)} className={button.secondary}>
              Previous
            </IntentLink>
          )}
          <span className="self-center">
            Page {page} of {pages}
          </span>
          {page < pages && (
            <IntentLink href={href(page + 1)} className={button.secondary}>
              Next
            </IntentLink>
          )}
        </span>
      )}
    </nav>
  );
}

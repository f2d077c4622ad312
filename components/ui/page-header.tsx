import Link from "next/link";
import type { ReactNode } from "react";

/** A sub-page's top: the way back to the page above it, its title, and what it is for. */
export function PageHeader({
  back,
  title,
  titleClassName = "",
  children,
}: {
  back: { href: string; label: string };
  title: ReactNode;
  titleClassName?: string;
  children?: ReactNode;
}) {
  return (
    <div>
      <p className="text-sm">
        <Link href={back.href} className="text-wood-700 hover:underline">
          {back.label}
        </Link>
      </p>
      <h1 className={`text-2xl font-bold text-wood-900 ${titleClassName}`.trim()}>{title}</h1>
      {children}
    </div>
  );
}

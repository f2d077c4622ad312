import "server-only";
import type { DbHandle } from "@/db/client";
import { WORKSHOP_CHANNEL } from "@/db/queries/workshop-state";
import { revealWhenTimeIsUp } from "@/db/queries/workshop-votes";
import { loadWorkshopRows } from "@/db/queries/workshop-view";
import { systemActor } from "@/lib/actor";
import { timerClosesAt } from "@/lib/workshop/rules";
import type { WorkshopRows } from "@/lib/workshop/view";

// Every screen of a workshop on this instance watches it through one hub: a change announced on
// the workshop channel (by any instance sharing the database) loads the workshop once, however many
// screens watch it, and hands the same rows to each; a burst of votes loads at most twice. A
// question's timer running out reveals its votes: every instance watching it asks, and the first
// one to take the workshop's lock does it.

type Watcher = (rows: WorkshopRows) => void;
type Watched = { organisationId: string; watchers: Set<Watcher>; loading: boolean; again: boolean; timer?: ReturnType<typeof setTimeout> };

const TIMER_ACTOR = systemActor("Workshop timer");
// Reads what every screen of a workshop shows; who sees which part is decided per screen.
const SCREENS_ACTOR = systemActor("Workshop screens");

export class WorkshopHub {
  private readonly watched = new Map<string, Watched>();
  private listening: Promise<unknown> | undefined;

  constructor(private readonly handle: Pick<DbHandle, "db" | "listen">) {}

  /**
   * Calls `onRows` with the workshop now and after every change; returns how to stop. The first
   * rows come through the same loading loop as every change, so a watcher never gets an older
   * snapshot after a newer one.
   */
  async watch(organisationId: string, workshopId: string, onRows: Watcher): Promise<() => void> {
    await this.listen();
    let entry = this.watched.get(workshopId);
    if (!entry) this.watched.set(workshopId, (entry = { organisationId, watchers: new Set(), loading: false, again: false }));
    entry.watchers.add(onRows);
    this.changed(workshopId);
    return () => {
      entry.watchers.delete(onRows);
      if (entry.watchers.size > 0) return;
      clearTimeout(entry.timer);
      if (this.watched.get(workshopId) === entry) this.watched.delete(workshopId);
    };
  }

  /** Listens once per instance; a failed start is tried again by the next watcher. An empty payload (the listening connection came back after a gap) reloads everything watched. */
  private listen(): Promise<unknown> {
    this.listening ??= this.handle
      .listen(WORKSHOP_CHANNEL, (id) => {
        if (id === "") for (const watched of this.watched.keys()) this.changed(watched);
        else this.changed(id);
      })
      .catch((error: unknown) => {
        this.listening = undefined;
        throw error;
      });
    return this.listening;
  }

  private changed(workshopId: string) {
    const entry = this.watched.get(workshopId);
    if (!entry) return;
    if (entry.loading) {
      entry.again = true;
      return;
    }
    void this.load(workshopId, entry);
  }

  /** Sets the one alarm a watched workshop needs: when its running timer closes the votes. */
  private revealWhenTimeIsUp(workshopId: string, entry: Watched, rows: WorkshopRows) {
    clearTimeout(entry.timer);
    entry.timer = undefined;
    const closes = rows.status === "open" && rows.phase === "voting" ? timerClosesAt(rows) : null;
    if (!closes || entry.watchers.size === 0) return;
    entry.timer = setTimeout(
      () => {
        const ctx = { organisationId: entry.organisationId, actor: TIMER_ACTOR, db: this.handle.db };
        revealWhenTimeIsUp(ctx, workshopId).catch((error: unknown) => console.error("Workshop timer failed to reveal:", error));
      },
      Math.max(0, closes.getTime() - Date.now()),
    );
  }

  private async load(workshopId: string, entry: Watched) {
    entry.loading = true;
    try {
      do {
        entry.again = false;
        const rows = await loadWorkshopRows({ organisationId: entry.organisationId, actor: SCREENS_ACTOR, db: this.handle.db }, workshopId);
        if (rows) {
          for (const watcher of entry.watchers) watcher(rows);
          this.revealWhenTimeIsUp(workshopId, entry, rows);
        }
      } while (entry.again);
    } catch (error) {
      console.error("Workshop update failed to load:", error);
    } finally {
      entry.loading = false;
      // A change announced while a failed load was running is loaded now.
      if (entry.again) this.changed(workshopId);
    }
  }
}

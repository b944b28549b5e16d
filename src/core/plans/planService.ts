import { StoreService } from '../certifications/storeService';
import type { Month, Plan, StackId } from '../model/plans';
import { applyStackTemplate, PlanError, planName, setItemMonths, shiftPlan, type StackApplication } from './plan';

export interface AppliedStack {
  plan: Plan;
  /** Keys added to the certifications, as planned. */
  added: string[];
  /** Keys already tracked: in the plan, but left exactly as they were. */
  skipped: string[];
  /** Slots left empty, with the exams the article names there that are gone without successor. */
  emptySlots: { slot: string; leftOut: string[] }[];
}

/**
 * Certification plans, with no UI: each change is saved at once, and a change that would not make
 * sense is refused whole, with a message saying why.
 */
export class PlanService extends StoreService {
  plans(): readonly Plan[] {
    return this.store.state.get('plans');
  }

  require(id: string): Plan {
    const plan = this.plans().find((p) => p.id === id);
    if (!plan) throw new PlanError(this.t('There is no plan "{0}"; apply its stack first.', id));
    return plan;
  }

  /**
   * Applies a stack: adds the certifications not yet tracked (planned, with targets) and saves
   * the plan. Certifications already tracked are never overwritten; they are reported as skipped.
   */
  async applyStack(input: { stack: StackId; startMonth: Month; choices?: Record<string, string | null> }): Promise<AppliedStack> {
    const catalog = this.catalog();
    if (this.store.state.get('plans').some((p) => p.id === input.stack)) {
      const existing = this.require(input.stack);
      throw new PlanError(
        this.t('The {0} plan is already applied (from {1}). Shift it with Edit Plan, or remove it first.', planName(existing, this.t), existing.startMonth),
      );
    }
    let application: StackApplication | undefined;
    // Worked out against the freshest list (another window may have added one since).
    await this.store.updateCertifications((list) => {
      application = applyStackTemplate({ ...input, tracked: list, catalog, now: this.now(), t: this.t });
      return [...list, ...application.toAdd];
    });
    const result = application!;
    await this.store.state.update('plans', (plans) => {
      if (plans.some((p) => p.id === result.plan.id)) throw new PlanError(this.t('The {0} plan was applied meanwhile (another window).', planName(result.plan, this.t)));
      return [...plans, result.plan];
    });
    return {
      plan: result.plan,
      added: result.toAdd.map((c) => c.key),
      skipped: result.skipped,
      emptySlots: result.emptySlots.map((s) => ({ slot: s.template.id, leftOut: s.leftOut })),
    };
  }

  /** Moves the whole plan so that its month 1 is `startMonth`. */
  shift(id: string, startMonth: Month): Promise<Plan> {
    return this.change(id, (plan) => shiftPlan(plan, startMonth));
  }

  /** Sets the months of one planned certification. */
  setMonths(id: string, key: string, startMonth: Month, endMonth: Month): Promise<Plan> {
    return this.change(id, (plan) => setItemMonths(plan, key, startMonth, endMonth, this.t));
  }

  /** Removes a plan; its certifications stay tracked. */
  async remove(id: string): Promise<{ removed: Plan; index: number }> {
    let result: { removed: Plan; index: number } | undefined;
    await this.store.state.update('plans', (plans) => {
      const index = plans.findIndex((p) => p.id === id);
      if (index === -1) throw new PlanError(this.t('There is no plan "{0}".', id));
      result = { removed: plans[index], index };
      return plans.filter((p) => p.id !== id);
    });
    return result!;
  }

  /** Undo for `remove`, unless the stack was applied again meanwhile. */
  async restore(removed: Plan, index: number): Promise<void> {
    await this.store.state.update('plans', (plans) => {
      if (plans.some((p) => p.id === removed.id)) return plans;
      const next = [...plans];
      next.splice(Math.min(index, next.length), 0, removed);
      return next;
    });
  }

  private async change(id: string, edit: (plan: Plan) => Plan): Promise<Plan> {
    let updated: Plan | undefined;
    await this.store.state.update('plans', (plans) => {
      const plan = plans.find((p) => p.id === id);
      if (!plan) throw new PlanError(this.t('There is no plan "{0}"; apply its stack first.', id));
      updated = edit(plan);
      return plans.map((p) => (p.id === id ? updated! : p));
    });
    return updated!;
  }
}

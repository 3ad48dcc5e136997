import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import type { StrategicGoalDto, StrategyDto } from '@allmende/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { catchError, filter, of, switchMap } from 'rxjs';
import { focusAfterRender } from '../../core/auth/forms';
import { LanguageService } from '../../core/i18n/language-service';
import { openConfirmDialog } from '../../shared/confirm-dialog';
import { localized } from '../../shared/localized';
import { boardErrorKey } from './board-errors';
import { BoardsApi } from './boards-api';
import { StrategicGoalDialog, StrategicGoalDialogData } from './strategic-goal-dialog';

interface Notice {
  key: string;
  params?: Record<string, string>;
  error?: boolean;
}

/**
 * The Zukunftsplan: the Leitbild, each Leitziel with its strategic goals, and the measures
 * (cards) that pursue them, each linked to its board. The office edits the strategic goals.
 */
@Component({
  selector: 'alm-strategy-page',
  imports: [MatButton, MatProgressSpinner, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './strategy-page.html',
  styleUrl: './strategy-page.scss',
})
export class StrategyPage {
  private readonly api = inject(BoardsApi);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly lang = inject(LanguageService).current;

  private readonly resource = rxResource({ stream: () => this.api.strategy() });
  protected readonly loadError = this.resource.error;
  protected readonly strategy = linkedSignal<StrategyDto | null>(() => (this.resource.hasValue() ? this.resource.value() : null));
  protected readonly mission = computed(() => {
    const mission = this.strategy()?.mission;
    return mission ? (this.lang() === 'en' ? mission.en : mission.de) : null;
  });

  private readonly fieldsResource = rxResource({ stream: () => this.api.actionFields().pipe(catchError(() => of([]))) });
  protected readonly fields = computed(() =>
    (this.fieldsResource.hasValue() ? this.fieldsResource.value() : [])
      .filter((f) => !f.archived)
      .sort((a, b) => a.position - b.position)
      .map((f) => ({ id: f.id, name: localized(f, 'name', this.lang()) })),
  );
  private readonly allFields = computed(
    () => new Map((this.fieldsResource.hasValue() ? this.fieldsResource.value() : []).map((f) => [f.id, localized(f, 'name', this.lang())])),
  );

  protected readonly busy = signal(false);
  protected readonly notice = signal<Notice | null>(null);

  protected reload(): void {
    this.resource.reload();
  }

  protected goalName(goal: { de: string; en: string }): string {
    return this.lang() === 'en' ? goal.en : goal.de;
  }

  protected fieldName(id: string | null): string | null {
    return id ? (this.allFields().get(id) ?? null) : null;
  }

  protected sorted(goals: readonly StrategicGoalDto[]): StrategicGoalDto[] {
    return [...goals].sort((a, b) => a.position - b.position);
  }

  protected openGoal(goal: StrategicGoalDto | null, goalNumber: number | null = null): void {
    const strategy = this.strategy();
    if (!strategy) return;
    const data: StrategicGoalDialogData = {
      goal,
      goalNumber: goalNumber ?? strategy.goals[0]?.number ?? null,
      leitziele: strategy.goals.map((g) => ({ number: g.number, name: this.goalName(g) })),
      actionFields: this.fields(),
    };
    this.dialog
      .open<StrategicGoalDialog, StrategicGoalDialogData, StrategyDto>(StrategicGoalDialog, { data, width: '36rem', maxWidth: '95vw' })
      .afterClosed()
      .pipe(filter((saved): saved is StrategyDto => !!saved))
      .subscribe((saved) => {
        this.strategy.set(saved);
        this.say({ key: goal ? 'strategy.notices.updated' : 'strategy.notices.created' });
      });
  }

  protected deleteGoal(goal: StrategicGoalDto): void {
    const t = (key: string) => this.transloco.translate<string>(`strategy.deleteDialog.${key}`, { title: goal.title });
    openConfirmDialog(this.dialog, { title: t('title'), message: t('text'), confirm: t('confirm'), cancel: this.transloco.translate('boards.cancel') })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.busy.set(true);
          return this.api.deleteGoal(goal.id).pipe(switchMap(() => this.api.strategy()));
        }),
      )
      .subscribe({
        next: (strategy) => {
          this.busy.set(false);
          this.strategy.set(strategy);
          this.say({ key: 'strategy.notices.deleted', params: { title: goal.title } });
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.say({ key: boardErrorKey(error), error: true });
        },
      });
  }

  private say(notice: Notice): void {
    this.notice.set(notice);
    focusAfterRender(this.host, '[data-testid="strategy-notice"]', this.injector);
  }
}

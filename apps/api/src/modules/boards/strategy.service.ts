import { Injectable } from '@nestjs/common';
import type { CardStage, CharterGoal, Responsibility, SaveStrategicGoalRequest, StrategicGoalDto, StrategyDto } from '@allmende/contracts';
import { DataSource } from 'typeorm';
import { isOffice, type AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/domain-error';
import { callerReadsAllCards } from './board-access';

/**
 * The joint strategy: Leitbild and Leitziele are the current charter (what members
 * sign, edited on the charter page); below them the office keeps strategic goals,
 * and measures are board cards linked to a strategic goal.
 */
@Injectable()
export class StrategyService {
  constructor(private readonly ds: DataSource) {}

  async get(user: AuthUser | undefined): Promise<StrategyDto> {
    const [charter] = await this.ds.query(`SELECT mission_de, mission_en, goals FROM charter_version ORDER BY version DESC LIMIT 1`);
    const readAll = await callerReadsAllCards(this.ds, user);
    const goals: { id: string; goal_number: number; title: string; description: string; action_field_id: string | null; position: number }[] =
      await this.ds.query(`SELECT * FROM strategic_goal ORDER BY goal_number, position, title`);
    const measures: { id: string; board_id: string; title: string; stage: CardStage; responsibility: Responsibility | null; strategic_goal_id: string }[] =
      await this.ds.query(
        `SELECT id, board_id, title, stage, responsibility, strategic_goal_id FROM card
          WHERE strategic_goal_id IS NOT NULL AND deleted_at IS NULL AND ($1 OR public) ORDER BY rank`,
        [readAll],
      );
    const toDto = (g: (typeof goals)[number]): StrategicGoalDto => ({
      id: g.id,
      goalNumber: g.goal_number,
      title: g.title,
      description: g.description,
      actionFieldId: g.action_field_id,
      position: g.position,
      measures: measures
        .filter((m) => m.strategic_goal_id === g.id)
        .map((m) => ({ cardId: m.id, boardId: m.board_id, title: m.title, stage: m.stage, responsibility: m.responsibility })),
    });
    const charterGoals: CharterGoal[] = charter?.goals ?? [];
    // strategic goals under a Leitziel number the charter no longer has are still shown, under that number
    const numbers = [...new Set([...charterGoals.map((_, i) => i + 1), ...goals.map((g) => g.goal_number)])].sort((a, b) => a - b);
    return {
      mission: charter ? { de: charter.mission_de, en: charter.mission_en } : null,
      goals: numbers.map((n) => ({
        number: n,
        de: charterGoals[n - 1]?.de ?? '',
        en: charterGoals[n - 1]?.en ?? '',
        strategicGoals: goals.filter((g) => g.goal_number === n).map(toDto),
      })),
      canEdit: isOffice(user),
    };
  }

  private async checkField(actionFieldId: string | null | undefined): Promise<void> {
    if (!actionFieldId) return;
    const rows = await this.ds.query(`SELECT 1 FROM action_field WHERE id = $1`, [actionFieldId]);
    if (!rows.length) throw DomainError.badRequest('Unknown action field', 'UNKNOWN_REFERENCE');
  }

  async createGoal(req: SaveStrategicGoalRequest, user: AuthUser): Promise<StrategyDto> {
    await this.checkField(req.actionFieldId);
    await this.ds.query(
      `INSERT INTO strategic_goal (goal_number, title, description, action_field_id, position)
       SELECT $1, $2, $3, $4, coalesce($5, (SELECT coalesce(max(position), 0) + 1 FROM strategic_goal WHERE goal_number = $1))`,
      [req.goalNumber, req.title, req.description ?? '', req.actionFieldId ?? null, req.position ?? null],
    );
    return this.get(user);
  }

  async updateGoal(id: string, req: SaveStrategicGoalRequest, user: AuthUser): Promise<StrategyDto> {
    await this.checkField(req.actionFieldId);
    const [rows] = await this.ds.query(
      `UPDATE strategic_goal SET goal_number = $2, title = $3, description = $4, action_field_id = $5, position = coalesce($6, position)
        WHERE id = $1 RETURNING id`,
      [id, req.goalNumber, req.title, req.description ?? '', req.actionFieldId ?? null, req.position ?? null],
    );
    if (!rows?.length) throw DomainError.notFound('Strategic goal');
    return this.get(user);
  }

  /** The measures stay on their boards, without the link. */
  async deleteGoal(id: string): Promise<void> {
    const [rows] = await this.ds.query(`DELETE FROM strategic_goal WHERE id = $1 RETURNING id`, [id]);
    if (!rows?.length) throw DomainError.notFound('Strategic goal');
  }
}

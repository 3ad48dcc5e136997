import type { MembershipDto, MembershipStatus } from '@allmende/contracts';

/** Columns selected by queries that show a membership (see MEMBERSHIP_SQL). */
export interface MembershipRow {
  status: MembershipStatus | null;
  awaiting_approval: boolean | null;
  signed_version: number | null;
  signed_at: Date | null;
  current_version: number | null;
}

/** Joins for a person `p`: their membership, newest signature and the current charter version. */
export const MEMBERSHIP_SQL = {
  columns: `m.status, m.awaiting_approval, sig.version AS signed_version, sig.signed_at, cur.version AS current_version`,
  joins: `
    LEFT JOIN alliance_membership m ON m.person_id = p.id
    LEFT JOIN LATERAL (SELECT cv.version, cs.signed_at FROM charter_signature cs JOIN charter_version cv ON cv.id = cs.charter_version_id
                        WHERE cs.person_id = p.id ORDER BY cv.version DESC LIMIT 1) sig ON true
    LEFT JOIN LATERAL (SELECT max(version) AS version FROM charter_version) cur ON true`,
};

export function toMembershipDto(r: MembershipRow): MembershipDto {
  const status = r.status ?? 'interested';
  const signatory = status === 'signatory' || status === 'active' || status === 'dormant';
  return {
    status,
    awaitingApproval: !!r.awaiting_approval,
    signedVersion: r.signed_version,
    signedAt: r.signed_at ? new Date(r.signed_at).toISOString() : null,
    confirmationPending: signatory && r.current_version !== null && (r.signed_version ?? 0) < r.current_version,
  };
}

import type { PollDto } from '@allmende/contracts';
import type { SharedPoll } from './meeting-socket';

/**
 * Applies a broadcast poll to the list: replaces the counts of a known poll (keeping my
 * own dots, which broadcasts never carry) or adds a poll that was just opened.
 */
export function mergePoll(polls: readonly PollDto[], update: SharedPoll): PollDto[] {
  const index = polls.findIndex((p) => p.id === update.id);
  if (index === -1) return [...polls, { ...update, myDots: {} }];
  const next = [...polls];
  next[index] = { ...update, myDots: polls[index].myDots };
  return next;
}

/** Replaces a poll with the API's answer (which includes my dots), or adds it. */
export function replacePoll(polls: readonly PollDto[], poll: PollDto): PollDto[] {
  const index = polls.findIndex((p) => p.id === poll.id);
  if (index === -1) return [...polls, poll];
  const next = [...polls];
  next[index] = poll;
  return next;
}

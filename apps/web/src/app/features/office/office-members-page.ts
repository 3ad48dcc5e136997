import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { ApprovalQueue } from './approval-queue';
import { MemberList } from './member-list';

/** The office's member administration: the approval queue and all members. */
@Component({
  selector: 'alm-office-members-page',
  imports: [MatTabGroup, MatTab, RouterLink, TranslocoDirective, ApprovalQueue, MemberList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <div class="title-row">
        <h1 class="heading">{{ t('office.membersHeading') }}</h1>
        <a routerLink="/office/charter">{{ t('office.toCharter') }}</a>
      </div>
      <p class="intro">{{ t('office.membersIntro') }}</p>
      <mat-tab-group mat-stretch-tabs="false" animationDuration="0ms">
        <mat-tab [label]="t('office.tabs.queue')">
          <alm-approval-queue />
        </mat-tab>
        <mat-tab [label]="t('office.tabs.members')">
          <alm-member-list />
        </mat-tab>
      </mat-tab-group>
    </ng-container>
  `,
  styleUrl: './office-page.scss',
})
export class OfficeMembersPage {}

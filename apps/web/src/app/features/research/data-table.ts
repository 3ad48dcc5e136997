import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { DataTable } from './participation-model';

let nextId = 0;

/**
 * The figures of a chart as a table: a caption, a header row of columns (th scope="col")
 * and one header cell per row (th scope="row"). Wide tables scroll, also by keyboard.
 */
@Component({
  selector: 'alm-data-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-scroll" role="region" tabindex="0" [attr.aria-labelledby]="captionId">
      <table class="data-table" data-testid="data-table">
        <caption [id]="captionId">{{ caption() }}</caption>
        <thead>
          <tr>
            <th scope="col">{{ corner() }}</th>
            @for (column of table().columns; track $index) {
              <th scope="col" class="num">{{ column }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of table().rows; track $index) {
            <tr>
              <th scope="row">{{ row.header }}</th>
              @for (cell of row.cells; track $index) {
                <td class="num">{{ cell }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styleUrl: './data-table.scss',
})
export class DataTableView {
  readonly caption = input.required<string>();
  /** Header of the row-header column, e.g. "Quartal". */
  readonly corner = input.required<string>();
  readonly table = input.required<DataTable>();

  protected readonly captionId = `alm-data-table-${nextId++}`;
}

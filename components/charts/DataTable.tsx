export interface DataTableProps {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

/**
 * The chart's numbers as a table, hidden from sight but read by screen readers,
 * so every figure a chart draws can also be heard and copied. The hiding is on a
 * wrapper: a table keeps its content's width whatever `width: 1px` says, which left
 * right-to-left pages with extra scroll width.
 */
export function DataTable({ caption, columns, rows }: DataTableProps) {
  return (
    <div class="visually-hidden">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { Flex, Heading, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { CardText } from '../card-text.ts';
import { messagesFor } from '../vendor/shared/i18n/index.ts';
import type { CardView } from '../vendor/shared/view/card-view.ts';

export function HistorySection({ view, text }: { readonly view: CardView; readonly text: CardText }) {
  const ui = messagesFor(view.locale).ui;
  const columns = text.historyColumns;
  return (
    <Flex direction="column" gap="xs">
      <Heading>{ui.history}</Heading>
      {view.history.length === 0 ? (
        <Text>{ui.noHistory}</Text>
      ) : (
        <Table bordered density="condensed" testId="history">
          <TableHead>
            <TableRow>
              <TableHeader>{columns.at}</TableHeader>
              <TableHeader>{columns.change}</TableHeader>
              <TableHeader>{columns.source}</TableHeader>
              <TableHeader>{columns.actor}</TableHeader>
              <TableHeader>{columns.reason}</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {view.history.map((entry, index) => (
              <TableRow key={`${entry.at}-${index}`}>
                <TableCell>{entry.at}</TableCell>
                <TableCell>{entry.change}</TableCell>
                <TableCell>{entry.source}</TableCell>
                <TableCell>{entry.actor}</TableCell>
                <TableCell>{entry.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Flex>
  );
}

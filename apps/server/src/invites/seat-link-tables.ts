/**
 * The version of a seat's join link. A seat without a row is at version 0 (every link made before any
 * replacement); replacing the link raises it, and a link whose version is not the seat's is refused.
 */
export interface SeatLinkVersionsTable {
  person_id: string;
  version: number;
  replaced_at: string;
  replaced_by_user_id: string;
}

export interface SeatLinkTables {
  seat_link_versions: SeatLinkVersionsTable;
}

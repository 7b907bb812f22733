/** The people of the demo world: the coordinator and one member of each of five organisations. */
export interface DemoPerson {
  firstName: string;
  lastName: string;
  username: string;
  language: "tr" | "en";
  role: "coordinator" | "member";
  /** The organisation's short name in the demo seed (prisma/demo.ts). */
  organisation: string;
}

// Each is her organisation's contact for hosting; İKDD, never a host yet and first in the
// rotation, is proposed for the 25th, so the coordinator gets the first host proposal.
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { firstName: "Derya", lastName: "Aksoy", username: "derya_ikdd", language: "tr", role: "coordinator", organisation: "İKDD" },
  { firstName: "Ayşe", lastName: "Yılmaz", username: "ayse_buca", language: "tr", role: "member", organisation: "Buca KDM" },
  { firstName: "Elif", lastName: "Demir", username: "elif_karsiyaka", language: "tr", role: "member", organisation: "Karşıyaka KDM" },
  { firstName: "Fatma", lastName: "Kaya", username: "fatma_bornova", language: "tr", role: "member", organisation: "Bornova KDM" },
  { firstName: "Zeynep", lastName: "Çelik", username: "zeynep_cigli", language: "tr", role: "member", organisation: "Çiğli KDM" },
  { firstName: "Sarah", lastName: "Miller", username: "sarah_kihd", language: "en", role: "member", organisation: "KİHD" },
];

export const DEMO_GROUP_TITLE = "İzmir KDM Ağı (demo)";

/** The buttons that answer "which network?" in private: `pick:<network id>`. */
const PICK = /^pick:(\d{1,9})$/;

export const networkChoiceData = {
  pattern: PICK,
  build: (networkId: number): string => `pick:${networkId}`,
  read: (data: string): number | undefined => {
    const match = PICK.exec(data);
    return match ? Number(match[1]) : undefined;
  },
};

/** Escapes text for parse_mode HTML, so names and venues arrive exactly as typed. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Alternatives between Unicode-aware word boundaries: JavaScript's \b only knows ASCII letters. */
export function words(...alternatives: string[]): RegExp {
  return new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${alternatives.join("|")})(?![\p{L}\p{N}])`, "u");
}

// Spelled out so "won't" and "wont" meet the same negation; only at a word's end, because Turkish
// puts suffixes after an apostrophe ("KDM'den", "Buca'da").
const CONTRACTIONS: [RegExp, string][] = [
  [/(?<!\p{L})(won|wo)n?'?t(?!\p{L})/gu, "will not"],
  [/(?<!\p{L})can'?t(?!\p{L})/gu, "can not"],
  [/(?<!\p{L})cannot(?!\p{L})/gu, "can not"],
  [/(?<!\p{L})don'?t(?!\p{L})/gu, "do not"],
  [/n't(?!\p{L})/gu, " not"],
  [/(?<!\p{L})(i|we|you|it)'ll(?!\p{L})/gu, "$1 will"],
  [/(?<!\p{L})ill be(?!\p{L})/gu, "i will be"],
  [/(?<!\p{L})well be there(?!\p{L})/gu, "we will be there"],
  [/(?<!\p{L})i'?m(?!\p{L})/gu, "i am"],
  [/(?<!\p{L})(we|you|they)'re(?!\p{L})/gu, "$1 are"],
  [/'ve(?!\p{L})/gu, " have"],
  [/(?<!\p{L})(i|we)'d(?!\p{L})/gu, "$1 would"],
];

/** Lower case the Turkish way, English contractions spelled out, then letters folded to ASCII. */
function fold(text: string): string {
  // "I'll", "Ill", "I" lower-case to "ı'll", "ıll", "ı" in Turkish; the English words need their "i".
  let folded = text.toLocaleLowerCase("tr-TR").replace(/[’‘`´]/g, "'").replace(/(?<!\p{L})ı(?=(?:'|ll|m|d)?(?!\p{L}))/gu, "i");
  for (const [pattern, replacement] of CONTRACTIONS) folded = folded.replace(pattern, replacement);
  return folded
    .replace(/'/g, "")
    .replace(/ı/g, "i").replace(/ş/g, "s").replace(/ğ/g, "g").replace(/ü/g, "u").replace(/ö/g, "o").replace(/ç/g, "c")
    .normalize("NFD").replace(/\p{M}/gu, "")
    // "evettt", "katılıyorummm": a letter held down is one letter.
    .replace(/(\p{L})\1{2,}/gu, "$1")
    // "3kişi" is "3 kişi".
    .replace(/(\p{N})(\p{L})/gu, "$1 $2");
}

/** The folded words of a text joined by single spaces: what every pattern of the parser is matched against. */
export function plain(text: string): string {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(" ");
}

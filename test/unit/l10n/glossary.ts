/** Checks of Russian texts against docs/glossary.md, shared by the localization tests. */

/** Variants docs/glossary.md rules out in Russian texts (the hover docs have the same check). */
export const offGlossary: [RegExp, string][] = [
  [/персистент/i, '«постоянный том», не «персистентный»'],
  [/провизионир/i, '«выделить», «провижинер», не «провизионировать»'],
  [/неймспейс/i, '«пространство имён»'],
  [/(?<![а-яё])маунт/i, '«монтировать», «точка монтирования»'],
  [/(?<![а-яё])клейм/i, '«заявка на том»'],
  [/имеет место/i, 'канцелярит'],
  [/является/i, 'канцелярит: «это», «—»'],
  [/в случае если/i, 'канцелярит: «если»'],
  [/(?<![а-яё])нод(а|ы|е|у|ой|ам|ами|ах)?(?![а-яё])/i, '«узел», не «нода»'],
];

/** Glossary problems of one Russian text, as readable lines. */
export function glossaryProblems(where: string, text: string): string[] {
  return offGlossary.filter(([re]) => re.test(text)).map(([, hint]) => `${where}: ${hint}`);
}

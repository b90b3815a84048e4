/**
 * Word lists and context patterns the name detector weighs. They describe
 * English usage and address conventions in general, not any data set.
 */

/** Street-type words in several languages, whole or as the end of a word ("Bundesstrasse", "Harjukatu"). */
export const ADDRESS_WORD =
  /(?:strasse|straße|gasse|weg|vej|gade|gatan|vägen|veien|vegen|katu|kuja|tie|utca|ulica|street|road|avenue|lane|drive|boulevard|court|square|terrace|plaza|rua|rúa|calle|avenida|avda|rue|chemin|allee|allée|platz|plein|straat|laan|bypass|radial|forges|greens|harbou?r|loop|flats?|turnpike|extensions?|crossing|junction|motorway|parkway|expressway|freeway|causeway|crescent|highway|alley|trail|underpass|overpass|viaduct|stravenue)$/i;

/** A street abbreviation or house number right after a chunk: "Király u. 15", "Cheriton Dr", "Eyrarodda 66". */
export const ADDRESS_AFTER = /^(?:\s+(?:u|ul|str|st|rd|dr|ave|av|blvd|ln|hwy|pkwy|utca|ulica|út|tér|krt)\b\.?|\s?\d)/i;
/** A house number or "corner of" right before a chunk: "5049 Harjukuja", "the corner of Mathias Pass". */
export const ADDRESS_BEFORE = /(?:\d\s?|\bcorner of\s|\bul\.\s?|\bu\.\s?)$/i;

/** Common surname endings across European languages. */
export const SURNAME_ENDING =
  /(?:sson|sen|son|ová|ova|ov|ev|eva|ski|ska|sky|ský|ić|vić|ez|ini|elli|etti|akis|opoulos|escu|ian|yan|enko|uk|berg|stein|mann|nen|dóttir|ovich|ovna|ek|ák)$/iu;

/** Words that end organisation names beyond compromise's own list ("Loveland Technologies"). */
export const ORGANISATION_SUFFIX =
  /^(?:technologies|technology|tech|solutions|systems|group|holdings|partners|associates|labs|software|consulting|ventures|networks|inc|llc|ltd|corp|gmbh|plc|company|orchestra|office|offices)$/i;

/** Text before a chunk that introduces a person. */
export const CUE_BEFORE = new RegExp(
  [
    String.raw`\bname(?:\s+is|\s*[:?,]|'s)?`,
    String.raw`\b(?:named|called|call\s+me|i'm|i\s+am|this\s+is|it's|hi|hello|hey|dear|thanks|thank\s+you|by|with|and|said|says|asked|told|tell|ask|gave|given|give|thank|meet|met|email|emailed|invite|invited|cc|ping|contact|contacted|introduce|introduced|hire|hired|married|starring|featuring|under|versus|vs\.?|assigned\s+to|owner|attendees?)`,
    String.raw`\b(?:producer|singer|songwriter|player|director|author|writer|actor|actress|manager|engineer|founders?|colleague|friend|wife|husband|son|daughter|mother|father|brother|sister|uncle|aunt|cousin|partner|boss|assistant|student|teacher|doctor|nurse|lawyer|speaker|commenter|customer|client|agent|kid|child|grandfather|grandmother|guardian|beneficiary|candidate|chair(?:man|woman)?|host|presenter|guest)s?\b[:,]?`,
  ]
    .map((s) => `(?:${s})`)
    .join('|') + String.raw`\s*$`,
  'i',
);

/** Text after a chunk that shows a person: a speech or action verb, an apposition, a vocative. */
export const CUE_AFTER =
  /^(?:\s*,?\s*(?:said|says|asked|asks|told|tells|replied|explained|wrote|writes|thinks|thought|believes|believed|lives|lived|works|worked|joined|met|called|emailed|shouted|began|spent|listed|sang|sings|smiled|laughed|agreed|suggested|mentioned|noted|added|argued|promised|wants|wanted|will\s+be|who|and\s+i|had\s+given|is\s+(?:very|from|the\s+ceo)|was\s+(?:born|influenced))\b|\s*,\s*(?:the|a|an)\s+\p{Ll}+|\s*,\s*(?:can|could|would|will|please|i|you|we|thanks|thank|how|what|are|do|did|have|let's)\b)/iu;

/** Before a lone word, these make a place more likely than a person. */
export const PLACE_BEFORE = /\b(?:in|at|from|to|near|into|across|around|via|visit|visiting|of|the)\s*$/i;

/** Before a list of surnames, these make a firm ("at Jones, Mitchell and Williams") more likely than people. */
export const FIRM_BEFORE = /(?:\b(?:at|from|for|of|the|in|to|work\s+for|works\s+for)\s*|^[ \t>?]*)$/i;

/** Strong cues after which even a lower-case word is a name ("my name is vitoria", "people call me višeslav"). */
export const LOWERCASE_CUE = /\b(?:my\s+name\s+is|name\s+is|named|called|call\s+me|i'm|i\s+am|this\s+is)\s+$/i;

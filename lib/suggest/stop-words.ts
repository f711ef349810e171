/**
 * Words that carry no topic: English function words, what every support message says ("hi", "please
 * help", "issue", "asap"), and the commonest function words of the languages our customers mix in.
 * Folded (no accents, lower case) and unstemmed; the analyzer drops them before stemming.
 */
const ENGLISH = `a about above after again against all am an and any are aren as at be because been before being
below between both but by can cannot could couldn d did didn do does doesn doing don during each few for from
further had hadn has hasn have haven having he her here hers herself him himself his how i if in into is isn it its
itself just ll m me more most my myself no nor not now o of off on once only or other our ours ourselves out over own
re s same she should shouldn so some such t than that the their theirs them themselves then there these they this
those through to too under until up very was wasn we were weren what when where which while who whom why will with
won would wouldn y you your yours yourself yourselves also get got getting gets im ive id youre thats theres its
let lets via per etc ok okay yes yeah`;

const SUPPORT_CHATTER = `hi hello hey dear team support thanks thank thx cheers regards best kind please pls plz help
helping urgent asap issue issues problem problems ticket question questions customer customers client clients user
users us know let anyone someone something anything everything nothing today yesterday tomorrow morning afternoon
evening now still again since ago minute minutes hour hours day days week weeks time times keep keeps kept trying
tried try tries work works working worked seem seems seemed happen happening happened sure could would also
really actually right way thing things like look looks looking see seen saw able unable going want need needs
wanted make makes made use used using getting anymore one two three first last new old every everyone people
sorry wrong back account company name hope asked ask tell told reply message fine great good bad`;

const OTHER_LANGUAGES = `le la les un une des de du et est en ne pas que qui pour avec sur nous vous je il elle
ce cette bonjour merci der die das ein eine und ist nicht mit fur von zu wir sie ich es hallo danke bitte el los
las una y es en con por para que hola gracias no nos het een en niet van voor wij ik`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${ENGLISH} ${SUPPORT_CHATTER} ${OTHER_LANGUAGES}`.split(/\s+/).filter(Boolean),
);

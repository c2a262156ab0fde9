// Family names that mark a person even without a first name or a title ("Kowalski hat
// angerufen", "Nguyen Thi Lan"). Two sources:
//  - a list of frequent family names in Germany that are not ordinary German words
//    (so "Fischer", "Koch", "Wolf", "Klein" are left out: they are nouns or adjectives);
//  - the shape of the name: Slavic and Turkish endings ("-ski", "-enko", "-oğlu"),
//    Arabic prefixes ("Al-", "Abu-"). Endings shared with place names in
//    Mecklenburg-Vorpommern ("-ow", "-in": Teterow, Schwerin) are deliberately not used.

const GERMAN = `
müller mueller schmidt schmitt meyer meier mayer maier schulz schulze hoffmann hofmann schröder
schroeder neumann krüger krueger hartmann lehmann schmitz krause köhler koehler herrmann huber
scholz möller moeller schubert winkler baumann franke albrecht böhm boehm schumacher vogt seidel
brandt haas schulte dietrich ziegler kuhn kühn pohl bergmann voigt pfeiffer wolff jansen janssen
petersen hansen nielsen paulsen jensen thomsen christiansen carstensen ohlsen behrens ahrens
beckmann lüdtke luedtke radtke rathke wendt kruse timm wegner jahnke raddatz genz kröger kroeger
dittmann eggert köpke witt lemke lüth ruge schütt schuett stoltenberg thiede hinrichs mahnke
`;

const TURKISH = `
yılmaz yilmaz kaya demir şahin sahin çelik celik yıldız yildiz yıldırım yildirim öztürk ozturk
aydın aydin özdemir ozdemir arslan doğan dogan kılıç kilic aslan çetin cetin koç koc özkan ozkan
şimşek simsek polat erdoğan erdogan korkmaz güneş gunes aksoy bulut tekin uçar ucar özer ozer
güler guler acar keskin altun ateş ates karaca turan bozkurt yüksel yuksel kahraman çakır
cakir aktaş aktas genç yavuz demirci ünal coşkun coskun kurt kara özcan ozcan durmaz tan akbulut
`;

const POLISH_EASTERN = `
nowak wójcik wojcik woźniak wozniak mazur krawczyk pawlak wieczorek wróbel wrobel dudek walczak
sikora michalak szewczyk pietrzak stępień stepien kaczmarek zając zajac król krol mróz mroz
melnyk boyko bojko kravets moroz koval tkach oliynyk shevchuk petrenko popescu ionescu horvat
novak kovač kovac hodžić hodzic begić begic hasanović hasanovic
`;

const ARABIC_PERSIAN_AFGHAN = `
haddad darwish najjar hamdan mansour khoury othman sleiman masri halabi hamoud hammoud kassem
kassab shaker omran hamad rahman karimi ahmadi hosseini rezaei mohammadi hashemi jafari rahimi
sadeghi moradi azizi habibi noori rasuli haidari sultani amiri safi stanikzai popal sediqi
nazari akbari ghani alizada alizadeh hashimi nuristani wardak kakar sharifi yousufzai
`;

const VIETNAMESE = `
nguyen nguyễn tran trần pham phạm hoang hoàng huynh huỳnh phan vu vũ vo võ dang đặng bui bùi
duong dương truong trương ngo ngô dinh đinh trinh trịnh luong lương doan đoàn
`;

export const SURNAMES: ReadonlySet<string> = new Set(
  [GERMAN, TURKISH, POLISH_EASTERN, ARABIC_PERSIAN_AFGHAN, VIETNAMESE].join(' ').split(/\s+/).filter(Boolean),
);

// Endings and prefixes that mark a family name. Checked on the lowercased word.
const SURNAME_SHAPE = /^(?:\p{L}{3,}(?:ski|ska|sky|skyj|skij|cki|cka|dzki|dzka|wicz|witsch|czyk|czak|czuk|tschuk|chuk|enko|ov|ova|ev|eva|jew|jewa|owa|owna|oğlu|oglu|zade|zadeh)|(?:al|el|abu|abdel|abdul|bin|ben)-\p{L}{3,})$/u;

// Place names that share a surname ending.
const NOT_SURNAMES = new Set(['kiev', 'kyiv', 'pskov', 'tschernobyl', 'lwiw', 'charkiw', 'rostov', 'saratov', 'wolgodonsk', 'el-salvador', 'alaska', 'whisky', 'jetski', 'casanova']);

export function isSurname(lower: string): boolean {
  if (SURNAMES.has(lower)) return true;
  return SURNAME_SHAPE.test(lower) && !NOT_SURNAMES.has(lower);
}

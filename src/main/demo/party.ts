// The party (当事人) of a case: a 个体工商户 operator, an unregistered person, or a company.
import { addDays } from '../../shared/format/date';
import type { PartyInfo } from './model';
import { makeCapital, makeCompanyCode, makeCompanyName, makeName, makePerson, makeSoleTraderCode, makeTradeName } from './names';
import { makeAddress, type AgencyInfo, type District } from './places';
import type { Rng } from './rng';
import type { Scenario } from './scenarios/types';

export function makeParty(rng: Rng, s: Scenario, info: AgencyInfo, district: District, today: string): PartyInfo {
  const premises = makeAddress(rng, district);
  const home = makeAddress(rng, district);
  const id = `party-${rng.hex(10)}`;
  if (s.partyKind === 'natural') {
    const person = makePerson(rng, { region: district.code, address: home, minAge: 26, maxAge: 62, today });
    if (!s.licensed) {
      return {
        party: { id, kind: 'natural', name: person.name, idNumber: person.idNumber, address: home, phone: person.phone },
        display: person.name,
        person,
        premises,
        district,
        licensed: false,
      };
    }
    // 字号: district + (operator's given name or a trade name) + shop kind, e.g. 花山区建国副食店
    const given = person.name.slice(1);
    const trade = `${district.name}${rng.chance(0.5) && given.length === 2 ? given : makeTradeName(rng)}${s.industry}`;
    return {
      party: { id, kind: 'natural', name: person.name, idNumber: person.idNumber, address: premises, phone: person.phone, businessScope: s.businessScope },
      display: trade,
      tradeName: trade,
      licenceCode: makeSoleTraderCode(rng, district.code),
      person,
      premises,
      district,
      registeredOn: addDays(today, -rng.int(500, 3000)),
      licensed: true,
    };
  }
  const rep = makePerson(rng, { region: district.code, address: home, minAge: 30, maxAge: 60, today });
  const name = makeCompanyName(rng, info.cityShort, s.industry);
  const agent = s.agentPost ? { ...makePerson(rng, { region: district.code, address: makeAddress(rng, district), minAge: 24, maxAge: 50, today }), post: s.agentPost } : undefined;
  if (agent && agent.name === rep.name) agent.name = makeName(rng, agent.male);
  return {
    party: {
      id,
      kind: 'legal',
      name,
      idNumber: makeCompanyCode(rng, district.code),
      address: premises,
      legalRepresentative: rep.name,
      phone: rep.phone,
      businessScope: s.businessScope,
    },
    display: name,
    person: rep,
    ...(agent ? { agent } : {}),
    premises,
    district,
    registeredOn: addDays(today, -rng.int(700, 4000)),
    capital: makeCapital(rng),
    licensed: true,
  };
}

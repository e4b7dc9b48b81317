/** The demo agency's people and placements (fictional; BSNs and IBANs pass their checks). */
export const DEMO_AGENCY_ID = '0d3e0000-0000-4000-8000-000000000001';
export const DEMO_STAFF_ID = '0d3e0000-0000-4000-8000-000000000002';

export const DEMO = {
  agencyName: 'U-Boss uitzendbureau',
  staff: { email: 'planner@uboss.example', displayName: 'Sanne de Vries' },
  relations: [
    {
      relation: { name: 'Bakkerij De Gouden Korrel', chamberOfCommerceNumber: '12345678', contactEmail: 'info@goudenkorrel.example' },
      contact: { email: 'inkoop@goudenkorrel.example', displayName: 'Pieter Bakker', language: 'nl' },
    },
    {
      relation: { name: 'Logistiek Centrum Noord', chamberOfCommerceNumber: '87654321', contactPhone: '+31 50 123 4567' },
      contact: { email: 'teamleider@lcnoord.example', displayName: 'Fatima El Amrani', language: 'nl' },
    },
  ],
  workers: [
    {
      worker: {
        firstName: 'Jan', lastName: 'Jansen', email: 'jan.jansen@example.com', language: 'nl', phone: '+31 6 1234 5678',
        dateOfBirth: '1990-04-12', bsn: '111222333', iban: 'NL91ABNA0417164300',
        address: { street: 'Dorpsstraat', houseNumber: '12', postalCode: '9711 AB', city: 'Groningen' },
      },
      relationIndex: 0,
      placement: {
        startDate: '2026-01-05', functionName: 'Productiemedewerker', contractHoursPerWeek: '38:00',
        allowedEntryModes: ['DAY_TOTAL', 'TIMES'], hoursEnteredBy: 'FLEXWORKER', sendInvitations: true, sendReminders: true,
        hourCodes: [
          { code: 'H100', percentage: 100, label: 'Normale uren' },
          { code: 'OW125', percentage: 125, label: 'Overwerk 125 %' },
          { code: 'OW150', percentage: 150, label: 'Overwerk 150 %' },
        ],
      },
    },
    {
      worker: {
        firstName: 'Agnieszka', lastName: 'Kowalska', email: 'agnieszka.kowalska@example.com', language: 'pl',
        dateOfBirth: '1995-09-30', bsn: '123456782', iban: 'NL02ABNA0123456789',
      },
      relationIndex: 1,
      placement: {
        startDate: '2026-03-02', functionName: 'Orderpicker', contractHoursPerWeek: '40:00', costCentre: 'DC-NOORD',
        allowedEntryModes: ['TIMES'], hoursEnteredBy: 'RELATION', sendInvitations: false, sendReminders: false,
        hourCodes: [{ code: 'H100', percentage: 100, label: 'Normale uren' }],
      },
    },
    {
      worker: {
        firstName: 'Mihai', lastName: 'Popescu', email: 'mihai.popescu@example.com', language: 'ro',
        dateOfBirth: '1988-01-20', bsn: '999999990',
      },
      relationIndex: 1,
      placement: {
        startDate: '2026-06-01', functionName: 'Heftruckchauffeur', contractHoursPerWeek: '32:00',
        allowedEntryModes: ['DAY_TOTAL'], hoursEnteredBy: 'FLEXWORKER', sendInvitations: true, sendReminders: false,
        hourCodes: [
          { code: 'H100', percentage: 100, label: 'Normale uren' },
          { code: 'ORT150', percentage: 150, label: 'Zaterdaguren' },
          { code: 'ORT200', percentage: 200, label: 'Zon- en feestdaguren' },
        ],
      },
    },
  ],
} as const;

export const DEMO_LOGINS = {
  password: 'flexportal-demo',
  users: [
    { role: 'FLEXWORKER', email: DEMO.workers[0].worker.email },
    { role: 'FLEXWORKER', email: DEMO.workers[2].worker.email },
    { role: 'FLEXWORKER', email: DEMO.workers[1].worker.email },
    { role: 'AGENCY_STAFF', email: DEMO.staff.email },
    { role: 'RELATION_CONTACT', email: DEMO.relations[0].contact.email },
    { role: 'RELATION_CONTACT', email: DEMO.relations[1].contact.email },
  ],
} as const;

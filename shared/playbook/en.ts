import type { Playbook } from './playbook.ts';

export const playbookEn: Playbook = {
  recruit: {
    focus:
      'Rank what the company wants from partners, then judge and steer new partners against it. A new partner adds nothing to the program until it starts producing revenue.',
    questions: [
      {
        question: 'How do we attract new partners?',
        consider: [
          'Value proposition: how the partner earns more, what it learns and what working with us feels like.',
          'Partner profile: which profile suits our business model and reaches our ideal customers.',
          'Demand generation: where partner leads come from and which marketing and sales resources go into recruiting.',
        ],
        actions: [
          'Invest in benefits that make the difference of this partnership obvious.',
          "Speak to the target partners' business needs in every message.",
          'Define the recruiting process (inbound, outbound or both), who owns it and its budget.',
        ],
      },
      {
        question: 'What happens once a company becomes a partner?',
        consider: [
          'Touchpoints: who on our side owns each part of the relationship, and with which tools.',
          'Alignment: how to set, from the first weeks, the rhythm the partnership will be held to.',
        ],
        actions: [
          'Publish content, materials and courses the partner can learn from alone, without depending on account managers and without drowning them.',
          'State clearly which metrics decide whether the partnership works.',
        ],
      },
    ],
  },
  activate: {
    focus:
      'The critical step: turning partners who signed or showed interest into partners who bring revenue. Every extra partner that gets through this stage shows up directly in channel revenue.',
    questions: [
      {
        question: 'How do we equip and motivate partners to sell?',
        consider: [
          'Partner profiles: the main obstacles each kind of partner faces in our business model.',
          'Support that scales: sales plays that carry partners through their first deals without eating our time.',
        ],
        actions: ['Build and deliver hands-on sales content and training.', 'Join and support the first negotiations.'],
      },
      {
        question: 'How do we keep deals flowing from partners?',
        consider: [
          'Deal registration: a clear policy for registering and managing the opportunities partners work on.',
          'Incentives: something for partners who register early in the cycle, or who register more.',
        ],
        actions: [
          'Offer a registration path simple enough that partners actually report their deals.',
          'Reward or gamify registering opportunities earlier and earlier.',
        ],
      },
      {
        question: 'How do we speed up the revenue we make together?',
        consider: ['A financial plan: a way to show the partner the return it gets.'],
        actions: ['Show, with a simple business plan, how much the partner can earn by selling with us, so the ROI is easy to see.'],
      },
    ],
  },
  accelerate: {
    focus:
      'Once a partner brings revenue, steer on purpose the habits that keep it engaged and growing. This stage needs more investment: people, tools and incentive policies.',
    questions: [
      {
        question: "How do we follow the partner's plan and performance?",
        consider: [
          'Business plan: shared targets with responsibilities on both sides.',
          'Deal plans: sales resources and campaigns that help the partner keep deal status up to date.',
        ],
        actions: [
          'Adopt simple planning tools to track the targets.',
          'Set up deal follow-up routines, with the account manager or with tools. Keep all of it light so partners do not have many places to update.',
        ],
      },
      {
        question: 'How do we grow the revenue we generate together?',
        consider: [
          'Growth opportunities: making sure partners use launches, campaigns and product news to sell.',
          'Demand generation: helping partners do their own marketing.',
        ],
        actions: [
          'Send targeted alerts to the partners able to make the most of each offer; a campaign nobody hears about does nothing.',
          'Give partners content and processes for marketing through the partner.',
        ],
      },
      {
        question: 'How do we help partners with the challenges of scale?',
        consider: [
          "Support: whether the partner's team can handle customer service demand.",
          'Peer benchmarking: how partners learn from one another.',
        ],
        actions: [
          "Offer structured training with certifications for the partner's team.",
          'Focus on technical implementation and on tools that measure end-customer satisfaction.',
          'Create places, in person or online, where partners share scaling challenges and good practice.',
        ],
      },
    ],
  },
  mature: {
    focus:
      'At maturity, watch the performance metrics closely and hand more responsibility to partners and to the channel team. The clearer the expectations set in early stages, the easier the numbers are to read and improve.',
    questions: [
      {
        question: 'How do we best measure how the program performs?',
        consider: [
          'Metrics: the indicators that matter most to the business and the target for each.',
          'Cadence: how often each metric is reviewed, for both the overall view and the details.',
        ],
        actions: [
          'Define the KPIs of each stage of the program.',
          'Measure them regularly and keep a partner performance ranking to benchmark within the program.',
        ],
      },
      {
        question: 'How do we help partners promote themselves to our customers?',
        consider: [
          'Exposure: the ways we can showcase partners who do good work for customers.',
          'Recognition: how to decide which partners deserve the spotlight.',
        ],
        actions: [
          'Promote well-performing partners, for example in a marketplace, to our company and customers so referrals follow.',
          'Use the ranking to reward the partners best placed to receive new referrals.',
        ],
      },
      {
        question: 'How do we re-engage partners who went quiet?',
        consider: [
          'Former performers: why partners that did well at first disengaged.',
          'Value proposition: what would make the program attractive enough for them to return.',
        ],
        actions: [
          'Watch inactivity data and alert the responsible account managers when the pattern shows up.',
          'Reach out to disengaged partners to sell the program again and collect feedback, using surveys to hear from more of them.',
        ],
      },
      {
        question: 'How can other organisations help grow the partner base?',
        consider: [
          'Allies: associations, business groups and other bodies close to the partners we want.',
          'Recruiting: how to help those organisations bring in more partners.',
        ],
        actions: [
          "Map the ecosystem around our partners' segment and the organisations that could speed up relationships with prospective partners.",
          'Create a benefits plan that helps us get into those organisations, and approach them proactively.',
        ],
      },
    ],
  },
};

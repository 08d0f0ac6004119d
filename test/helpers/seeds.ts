// The seed articles' handlers, as the rule suites quote them, and the expected "move the declaration into the
// handler" suggestion output for each. Seed 000 is the freezing demo (four arrays); seed 001 is the
// "occasionally reliable caching" article (a string, a cache, a credit card).
import { dedent } from './source.js';

export const SEED_000 = dedent(`
  'use strict';

  var arrayA = [];
  var arrayB = [];

  module.exports.test = (event, context, callback) => {
    var arrayC = [];
    var arrayD = [];

    arrayA.push("A");
    arrayB.push("B");
    arrayC.push("C");
    arrayD.push("D");

    console.log("Array A:", arrayA);
    console.log("Array B:", arrayB);
    console.log("Array C:", arrayC);
    console.log("Array D:", arrayD);

    arrayA = [];
    arrayC = [];

    callback(null);
  };
`);

export const SEED_000_ARRAY_A_MOVED = dedent(`
  'use strict';

  var arrayB = [];

  module.exports.test = (event, context, callback) => {
    let arrayA = [];
    var arrayC = [];
    var arrayD = [];

    arrayA.push("A");
    arrayB.push("B");
    arrayC.push("C");
    arrayD.push("D");

    console.log("Array A:", arrayA);
    console.log("Array B:", arrayB);
    console.log("Array C:", arrayC);
    console.log("Array D:", arrayD);

    arrayA = [];
    arrayC = [];

    callback(null);
  };
`);

export const SEED_000_ARRAY_B_MOVED = dedent(`
  'use strict';

  var arrayA = [];

  module.exports.test = (event, context, callback) => {
    let arrayB = [];
    var arrayC = [];
    var arrayD = [];

    arrayA.push("A");
    arrayB.push("B");
    arrayC.push("C");
    arrayD.push("D");

    console.log("Array A:", arrayA);
    console.log("Array B:", arrayB);
    console.log("Array C:", arrayC);
    console.log("Array D:", arrayD);

    arrayA = [];
    arrayC = [];

    callback(null);
  };
`);

export const SEED_001_STR = dedent(`
  var str = 'hello';

  exports.handler = function(event, context) {
    console.log(str);
    str = 'it\\'s me';
    context.succeed();
  };
`);

export const SEED_001_STR_MOVED = dedent(`
  exports.handler = function(event, context) {
    let str = 'hello';
    console.log(str);
    str = 'it\\'s me';
    context.succeed();
  };
`);

export const SEED_001_CACHE = dedent(`
  var CACHE = {};

  exports.handler = function(event, context) {
    if (CACHE[event.item]) {
      return context.succeed(CACHE[event.item]);
    }

    // Lookup object in database
    db.find(event.item, function(err, item){
      if (err) return;

      CACHE[event.item] = item;
      context.succeed(item);
    });
  };
`);

export const SEED_001_CACHE_MOVED = dedent(`
  exports.handler = function(event, context) {
    let CACHE = {};
    if (CACHE[event.item]) {
      return context.succeed(CACHE[event.item]);
    }

    // Lookup object in database
    db.find(event.item, function(err, item){
      if (err) return;

      CACHE[event.item] = item;
      context.succeed(item);
    });
  };
`);

export const SEED_001_CARD = dedent(`
  var creditCard;

  exports.handler = function(event, context) {
    creditCard = {
      number: event.credit_card_number,
      exp: event.credit_card_expiration,
      code: event.credit_card_security_code
    };

    // Connect to payment system to verify
    payments.verify(creditCard, function(err){
      if (err) {
        context.fail('Invalid card');
      } else {
        context.succeed('Payment okay');
      }
    });
  };
`);

export const SEED_001_CARD_MOVED = dedent(`
  exports.handler = function(event, context) {
    let creditCard;
    creditCard = {
      number: event.credit_card_number,
      exp: event.credit_card_expiration,
      code: event.credit_card_security_code
    };

    // Connect to payment system to verify
    payments.verify(creditCard, function(err){
      if (err) {
        context.fail('Invalid card');
      } else {
        context.succeed('Payment okay');
      }
    });
  };
`);

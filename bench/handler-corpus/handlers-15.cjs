let state0_0 = {};
let state1_0;
module.exports.handler0 = async function (event, context) {
  state1_0 ||= [];
  const alias0_0 = state1_0;
  alias0_0.unshift(event.id);
  state0_0.last = event.body;
  state1_0 ||= [];
  state1_0 = [...state1_0, event.id];
  return { statusCode: 200 };
};
const unrelated0_0 = [1, 2, 3].map((n) => n * 2);
const unrelated1_0 = new Map();
unrelated1_0.set('key', 1);
let state0_1 = new Set();
function helper0_1_1(input0_1_1) {
  helper0_2_1(input0_1_1);
}
function helper0_2_1(input0_2_1) {
  state0_1.add(input0_2_1.id);
}
function helper2_1_1(input2_1_1) {
  state0_1.add(input2_1_1.id);
}
module.exports.handler1 = async function (event, context) {
  helper0_1_1(event);
  [1].forEach((item1_1_1) => {
    const alias1_1 = state0_1;
    alias1_1.add(event.id);
  });
  helper2_1_1(event);
  return { statusCode: 200 };
};
console.log('unrelated0_1', 0);
let state0_2 = '';
let state1_2 = new Set();
let state2_2 = {};
module.exports.handler2 = async function (event, context) {
  const alias0_2 = state1_2;
  alias0_2.add(event.id);
  const alias1_2 = state1_2;
  alias1_2.add(event.id);
  [1].forEach((item2_1_2) => {
    delete state2_2[event.id];
  });
  [1].forEach((item3_1_2) => {
    Promise.resolve(2).then(function (item3_2_2) {
      [3].forEach((item3_3_2) => {
        state0_2 += event.line;
      });
    });
  });
  console.log(typeof state0_2);
  return { statusCode: 200 };
};
let state0_3 = 0;
let state1_3;
let state2_3;
function helper0_1_3(input0_1_3) {
  helper0_2_3(input0_1_3);
}
function helper0_2_3(input0_2_3) {
  helper0_3_3(input0_2_3);
}
function helper0_3_3(input0_3_3) {
  state1_3 ||= new Set();
  state1_3.add(input0_3_3.id);
}
function helper2_1_3(input2_1_3) {
  state1_3 ||= new Set();
  const alias2_3 = state1_3;
  alias2_3.add(input2_1_3.id);
}
module.exports.handler3 = async function (event, context) {
  helper0_1_3(event);
  [1].forEach((item1_1_3) => {
    Promise.resolve(2).then(function (item1_2_3) {
      [3].forEach((item1_3_3) => {
        state0_3++;
      });
    });
  });
  helper2_1_3(event);
  console.log(typeof state1_3);
  return { statusCode: 200 };
};
const unrelated0_3 = new Map();
unrelated0_3.set('key', 0);
let state0_4 = 0;
let state1_4;
function helper2_1_4(input2_1_4) {
  helper2_2_4(input2_1_4);
}
function helper2_2_4(input2_2_4) {
  helper2_3_4(input2_2_4);
}
function helper2_3_4(input2_3_4) {
  state0_4++;
}
module.exports.handler4 = async function (event, context) {
  state0_4++;
  [1].forEach((item1_1_4) => {
    Promise.resolve(2).then(function (item1_2_4) {
      state0_4++;
    });
  });
  helper2_1_4(event);
  return { statusCode: 200 };
};
let state0_5 = '';
let state1_5 = 0;
function helper2_1_5(input2_1_5) {
  helper2_2_5(input2_1_5);
}
function helper2_2_5(input2_2_5) {
  state0_5 += input2_2_5.line;
}
function helper3_1_5(input3_1_5) {
  helper3_2_5(input3_1_5);
}
function helper3_2_5(input3_2_5) {
  state1_5++;
}
module.exports.handler5 = async function (event, context) {
  state0_5 += event.line;
  [1].forEach((item1_1_5) => {
    Promise.resolve(2).then(function (item1_2_5) {
      state1_5++;
    });
  });
  helper2_1_5(event);
  helper3_1_5(event);
  return { statusCode: 200 };
};
const unrelated0_5 = new Map();
unrelated0_5.set('key', 0);
function unrelated1_5(value) {
  return value + 1;
}
let state0_6 = 0;
let state1_6 = 0;
let state2_6 = '';
module.exports.handler6 = async function (event, context) {
  [1].forEach((item0_1_6) => {
    Promise.resolve(2).then(function (item0_2_6) {
      state0_6++;
    });
  });
  state0_6++;
  state0_6++;
  return { statusCode: 200 };
};
let state0_7 = new Map();
let state1_7 = 0;
let state2_7 = 0;
function helper0_1_7(input0_1_7) {
  helper0_2_7(input0_1_7);
}
function helper0_2_7(input0_2_7) {
  state1_7 += 1;
}
function helper1_1_7(input1_1_7) {
  helper1_2_7(input1_1_7);
}
function helper1_2_7(input1_2_7) {
  state0_7.set(input1_2_7.id, Date.now());
}
module.exports.handler7 = async function (event, context) {
  helper0_1_7(event);
  helper1_1_7(event);
  [1].forEach((item2_1_7) => {
    Promise.resolve(2).then(function (item2_2_7) {
      [3].forEach((item2_3_7) => {
        state0_7.set(event.id, Date.now());
      });
    });
  });
  return { statusCode: 200 };
};
const unrelated0_7 = new Map();
unrelated0_7.set('key', 0);
let state0_8 = new Set();
let state1_8 = new Map();
let state2_8 = '';
function helper0_1_8(input0_1_8) {
  helper0_2_8(input0_1_8);
}
function helper0_2_8(input0_2_8) {
  const alias0_8 = state0_8;
  alias0_8.add(input0_2_8.id);
}
module.exports.handler8 = async function (event, context) {
  helper0_1_8(event);
  [1].forEach((item1_1_8) => {
    state0_8.add(event.id);
  });
  return { statusCode: 200 };
};
function unrelated0_8(value) {
  return value + 1;
}
let state0_9 = {};
let state1_9 = 0;
let state2_9;
function helper0_1_9(input0_1_9) {
  helper0_2_9(input0_1_9);
}
function helper0_2_9(input0_2_9) {
  state0_9.last = input0_2_9.body;
}
module.exports.handler9 = async function (event, context) {
  helper0_1_9(event);
  state0_9[event.id] = true;
  [1].forEach((item2_1_9) => {
    Object.assign(state0_9, event.overrides);
  });
  return { statusCode: 200 };
};
const unrelated0_9 = [1, 2, 3].map((n) => n * 2);
console.log('unrelated1_9', 1);
let state0_10;
let state1_10 = {};
let state2_10 = '';
function helper1_1_10(input1_1_10) {
  helper1_2_10(input1_1_10);
}
function helper1_2_10(input1_2_10) {
  helper1_3_10(input1_2_10);
}
function helper1_3_10(input1_3_10) {
  state2_10 += input1_3_10.line;
}
module.exports.handler10 = async function (event, context) {
  [1].forEach((item0_1_10) => {
    Promise.resolve(2).then(function (item0_2_10) {
      delete state1_10[event.id];
    });
  });
  helper1_1_10(event);
  state2_10 += event.line;
  delete state1_10[event.id];
  return { statusCode: 200 };
};
let state0_11;
let state1_11 = '';
module.exports.handler11 = async function (event, context) {
  [1].forEach((item0_1_11) => {
    state1_11 += event.line;
  });
  state0_11 ||= [];
  state0_11.push(event.id);
  [1].forEach((item2_1_11) => {
    state0_11 ||= [];
    const alias2_11 = state0_11;
    alias2_11.unshift(event.id);
  });
  return { statusCode: 200 };
};
const unrelated0_11 = new Map();
unrelated0_11.set('key', 0);
const unrelated1_11 = new Map();
unrelated1_11.set('key', 1);
let state0_12 = 0;
module.exports.handler12 = async function (event, context) {
  state0_12++;
  return { statusCode: 200 };
};
console.log('unrelated0_12', 0);
let state0_13;
function helper0_1_13(input0_1_13) {
  helper0_2_13(input0_1_13);
}
function helper0_2_13(input0_2_13) {
  helper0_3_13(input0_2_13);
}
function helper0_3_13(input0_3_13) {
  state0_13 ??= [];
  state0_13 = [...state0_13, input0_3_13.id];
}
module.exports.handler13 = async function (event, context) {
  helper0_1_13(event);
  [1].forEach((item1_1_13) => {
    Promise.resolve(2).then(function (item1_2_13) {
      state0_13 ??= [];
      state0_13 = [...state0_13, event.id];
    });
  });
  [1].forEach((item2_1_13) => {
    Promise.resolve(2).then(function (item2_2_13) {
      [3].forEach((item2_3_13) => {
        state0_13 ??= [];
        state0_13.push(event.id);
      });
    });
  });
  state0_13 ??= [];
  state0_13.unshift(event.id);
  return { statusCode: 200 };
};
let state0_14 = [];
let state1_14;
module.exports.handler14 = async function (event, context) {
  state0_14.push(event.id);
  return { statusCode: 200 };
};
console.log('unrelated0_14', 0);
function unrelated1_14(value) {
  return value + 1;
}
let state0_15;
let state1_15;
module.exports.handler15 = async function (event, context) {
  if (!state1_15) state1_15 = new Set();
  const alias0_15 = state1_15;
  alias0_15.add(event.id);
  [1].forEach((item1_1_15) => {
    if (!state1_15) state1_15 = new Set();
    const alias1_15 = state1_15;
    alias1_15.add(event.id);
  });
  return { statusCode: 200 };
};
const unrelated0_15 = new Map();
unrelated0_15.set('key', 0);
let state0_16 = 0;
let state1_16;
let state2_16 = new Map();
function helper2_1_16(input2_1_16) {
  helper2_2_16(input2_1_16);
}
function helper2_2_16(input2_2_16) {
  const alias2_16 = state2_16;
  alias2_16.set(input2_2_16.id, Date.now());
}
module.exports.handler16 = async function (event, context) {
  state0_16 += 1;
  [1].forEach((item1_1_16) => {
    Promise.resolve(2).then(function (item1_2_16) {
      [3].forEach((item1_3_16) => {
        state0_16++;
      });
    });
  });
  helper2_1_16(event);
  return { statusCode: 200 };
};
const unrelated0_16 = [1, 2, 3].map((n) => n * 2);
function unrelated1_16(value) {
  return value + 1;
}
let state0_17 = 0;
function helper1_1_17(input1_1_17) {
  helper1_2_17(input1_1_17);
}
function helper1_2_17(input1_2_17) {
  helper1_3_17(input1_2_17);
}
function helper1_3_17(input1_3_17) {
  state0_17 += 1;
}
module.exports.handler17 = async function (event, context) {
  [1].forEach((item0_1_17) => {
    Promise.resolve(2).then(function (item0_2_17) {
      state0_17 += 1;
    });
  });
  helper1_1_17(event);
  [1].forEach((item2_1_17) => {
    state0_17++;
  });
  console.log(typeof state0_17);
  return { statusCode: 200 };
};
const unrelated1_17 = new Map();
unrelated1_17.set('key', 1);
let state0_18 = {};
let state1_18 = '';
let state2_18 = {};
function helper1_1_18(input1_1_18) {
  helper1_2_18(input1_1_18);
}
function helper1_2_18(input1_2_18) {
  delete state0_18[input1_2_18.id];
}
module.exports.handler18 = async function (event, context) {
  state2_18.last = event.body;
  helper1_1_18(event);
  state2_18[event.id] = true;
  return { statusCode: 200 };
};
const unrelated0_18 = [1, 2, 3].map((n) => n * 2);
let state0_19 = '';
let state1_19;
let state2_19 = '';
function helper0_1_19(input0_1_19) {
  state2_19 += input0_1_19.line;
}
module.exports.handler19 = async function (event, context) {
  helper0_1_19(event);
  state1_19 ||= new Set();
  state1_19.add(event.id);
  return { statusCode: 200 };
};
const unrelated0_19 = new Map();
unrelated0_19.set('key', 0);
const unrelated1_19 = [1, 2, 3].map((n) => n * 2);
